package org.jointactivities.support;

import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A file upload as a browser's form sends it: the file under "file", its name, and the form's other fields. */
public final class Multipart {

  private Multipart() {}

  public static HttpEntity<MultiValueMap<String, Object>> upload(String fileName, byte[] content, Map<String, String> fields) {
    return upload(fileName, content, fields, new HttpHeaders());
  }

  /** {@code headers}, e.g. a session's cookie, are sent too. */
  public static HttpEntity<MultiValueMap<String, Object>> upload(String fileName, byte[] content, Map<String, String> fields,
      HttpHeaders headers) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    fields.forEach(form::add);
    HttpHeaders all = new HttpHeaders();
    all.addAll(headers);
    all.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(form, all);
  }
}
