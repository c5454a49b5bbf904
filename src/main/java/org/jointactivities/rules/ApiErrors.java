package org.jointactivities.rules;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.http.ProblemDetail;
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
    String expected = type != null && type.isEnum()
        ? "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "))
        : "a " + (type == null ? "value" : type.getSimpleName());
    return name + ": '" + value + "' is not " + expected;
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
