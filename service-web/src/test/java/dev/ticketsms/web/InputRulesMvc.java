package dev.ticketsms.web;

import dev.ticketsms.web.input.NulRefusingJsonModule;
import dev.ticketsms.web.input.RequestValuesWithoutNul;
import dev.ticketsms.web.problems.ProblemResponses;
import dev.ticketsms.web.security.CallerClaims;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/** MockMvc over {@link InputRulesTestController} with service-web's pieces wired the way the auto-configuration does. */
public final class InputRulesMvc {

    private InputRulesMvc() {
    }

    public static MockMvc create() {
        var json = JsonMapper.builder().addModule(new NulRefusingJsonModule())
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
        return MockMvcBuilders.standaloneSetup(new InputRulesTestController())
                .setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new StringHttpMessageConverter(), new JacksonJsonHttpMessageConverter(json))
                .addInterceptors(new CallerClaims(), new RequestValuesWithoutNul())
                .build();
    }
}
