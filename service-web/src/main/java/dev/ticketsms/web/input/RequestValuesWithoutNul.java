package dev.ticketsms.web.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.ticketsms.web.problems.InvalidField;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses a request whose query parameters, path variables or headers, as far as the handler method reads them,
 * contain a NUL character: a 400 naming each one (the parameter's or header's name), before any conversion (Spring's
 * UUID conversion would silently trim a trailing NUL) and before anything reaches the database.
 * Headers the handler does not declare are not looked at, so an odd {@code User-Agent} does not break a call.
 */
public final class RequestValuesWithoutNul implements HandlerInterceptor {

    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        var refused = new ArrayList<InvalidField>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(names);
            boolean whole = Map.class.isAssignableFrom(parameter.getParameterType());
            if (parameter.getParameterAnnotation(RequestParam.class) instanceof RequestParam param) {
                check(whole ? List.copyOf(request.getParameterMap().keySet()) : List.of(nameOf(param.name(), parameter)),
                        name -> arrayOrEmpty(request.getParameterValues(name)), refused);
            }
            if (parameter.getParameterAnnotation(PathVariable.class) instanceof PathVariable path) {
                Map<String, String> variables = pathVariables(request);
                check(whole ? List.copyOf(variables.keySet()) : List.of(nameOf(path.name(), parameter)),
                        name -> variables.containsKey(name) ? List.of(variables.get(name)) : List.of(), refused);
            }
            if (parameter.getParameterAnnotation(RequestHeader.class) instanceof RequestHeader header) {
                check(whole ? Collections.list(request.getHeaderNames()) : List.of(nameOf(header.name(), parameter)),
                        name -> Collections.list(request.getHeaders(name)), refused);
            }
        }
        if (!refused.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, InvalidField.problem(refused), null);
        }
        return true;
    }

    private static void check(List<String> names, Function<String, List<String>> values,
            List<InvalidField> refused) {
        for (String name : names) {
            if (values.apply(name).stream().anyMatch(NulCharacters::in)) {
                refused.add(new InvalidField(name, NulCharacters.REASON));
            }
        }
    }

    private static String nameOf(String declared, MethodParameter parameter) {
        return StringUtils.hasText(declared) ? declared : parameter.getParameterName();
    }

    private static List<String> arrayOrEmpty(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}
