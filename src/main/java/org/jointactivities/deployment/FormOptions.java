package org.jointactivities.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jointactivities.activity.CurrencyProperties;
import org.jointactivities.activity.Region;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.springframework.stereotype.Component;

/**
 * Fills the options of form fields marked with the custom property {@code options} (agencies,
 * countries, currencies, regions) from configuration before the forms are deployed. Tasklist loads no
 * variables for a start form, so options that come from configuration must be in the form
 * itself; a changed configuration therefore deploys a new form version, an unchanged one does not.
 */
@Component
class FormOptions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Map<String, String>> optionsByName = new LinkedHashMap<>();

  FormOptions(AgencyDirectory agencies, CurrencyProperties currencies) {
    Map<String, String> agencyOptions = new LinkedHashMap<>();
    for (Agency agency : agencies.all()) {
      agencyOptions.put(agency.code(), agency.code() + " – " + agency.name());
    }
    optionsByName.put("agencies", agencyOptions);
    Map<String, String> countryOptions = new LinkedHashMap<>();
    Set<Locale> countries = new TreeSet<>(Comparator.comparing(locale -> locale.getDisplayCountry(Locale.ENGLISH)));
    for (String code : Locale.getISOCountries()) {
      countries.add(new Locale("", code));
    }
    countries.forEach(country -> countryOptions.put(country.getCountry(),
        country.getDisplayCountry(Locale.ENGLISH) + " (" + country.getCountry() + ")"));
    optionsByName.put("countries", countryOptions);
    Map<String, String> currencyOptions = new LinkedHashMap<>();
    currencies.currencies().keySet().stream().sorted().forEach(code ->
        currencyOptions.put(code, code + " – " + Currency.getInstance(code).getDisplayName(Locale.ENGLISH)));
    optionsByName.put("currencies", currencyOptions);
    Map<String, String> regionOptions = new LinkedHashMap<>();
    Region.labels().forEach(region -> regionOptions.put(region, region));
    optionsByName.put("regions", regionOptions);
  }

  byte[] fill(JsonNode form) {
    try {
      fillComponents(form.path("components"));
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(form);
    } catch (IOException e) {
      throw new UncheckedIOException("A form cannot be written as JSON", e);
    }
  }

  private void fillComponents(JsonNode components) {
    for (JsonNode component : components) {
      String name = component.path("properties").path("options").asText(null);
      if (name != null) {
        Map<String, String> options = optionsByName.get(name);
        if (options == null) {
          throw new IllegalStateException("Form field " + component.path("key").asText()
              + " asks for unknown options '" + name + "' (known: " + optionsByName.keySet() + ")");
        }
        ArrayNode values = ((ObjectNode) component).putArray("values");
        options.forEach((value, label) -> values.addObject().put("label", label).put("value", value));
      }
      fillComponents(component.path("components"));
    }
  }
}
