package org.jointactivities.rules;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Our API's refusals as RFC 9457 problem details: the message says what was wrong, never a stack trace. */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setProperty("problems", e.getProblems());
    return problem;
  }

  /** A query parameter of the wrong type, e.g. state=OPEN: the parameter, the value and what it may be. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail wrongType(MethodArgumentTypeMismatchException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, wrongType(e.getName(), e.getValue(), e.getRequiredType()));
  }

  /** The same for parameters bound together into an object, such as a search filter. */
  @ExceptionHandler(BindException.class)
  ProblemDetail wrongTypes(BindException e) {
    String detail = e.getFieldErrors().stream().map(error -> {
      TypeMismatchException mismatch = error.contains(TypeMismatchException.class) ? error.unwrap(TypeMismatchException.class) : null;
      return mismatch == null ? error.getField() + ": " + error.getDefaultMessage()
          : wrongType(error.getField(), error.getRejectedValue(), mismatch.getRequiredType());
    }).collect(Collectors.joining("; "));
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
  }

  private static String wrongType(String name, Object value, Class<?> type) {
    return name + ": '" + value + "' is not " + expected(type);
  }

  /**
   * A body that is not JSON, or not of the shape the endpoint takes ({@code {"reason": ["x"]}} for a
   * reason, a list for an object): which field, and what it must be — rather than a bare "Bad Request".
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String detail;
    if (e.getCause() instanceof JsonParseException notJson) {
      detail = "The request body is not valid JSON (line " + notJson.getLocation().getLineNr() + ", column "
          + notJson.getLocation().getColumnNr() + ")";
    } else if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      detail = mismatch.getPath().stream().map(ApiErrors::step).collect(Collectors.joining(".")).replace(".[", "[")
          + ": must be " + expected(mismatch.getTargetType());
    } else if (e.getCause() instanceof MismatchedInputException mismatch) {
      detail = "The request body must be " + expected(mismatch.getTargetType());
    } else {
      detail = "The request body is missing or cannot be read as JSON";
    }
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
  }

  private static String step(JsonMappingException.Reference reference) {
    return reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]";
  }

  /** What a value of this type is, in words. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "a value";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }
    if (type == String.class) {
      return "text";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == LocalDate.class) {
      return "a date written YYYY-MM-DD";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a JSON object";
    }
    return "a " + type.getSimpleName();
  }

  /** What the engine could not do because the database or the directory failed, in words (ServerFailureWording). */
  @ExceptionHandler(RestException.class)
  ProblemDetail serverFailure(RestException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.getStatus().getStatusCode()), e.getMessage());
  }

  @ExceptionHandler(ActionRefusedException.class)
  ProblemDetail refused(ActionRefusedException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(NoSuchElementException.class)
  ProblemDetail notFound(NoSuchElementException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(IllegalStateException.class)
  ProblemDetail conflict(IllegalStateException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }
}
