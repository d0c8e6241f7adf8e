package dev.ticketsms.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class NulRefusingJsonModuleTest {

    record Team(String name, List<String> userIds, Map<String, String> labels) {
    }

    private final JsonMapper json = JsonMapper.builder().addModule(new NulRefusingJsonModule()).build();

    @Test
    void aNulInAStringFieldIsRefusedWithThePathOfTheField() {
        assertThatThrownBy(() -> json.readValue("""
                {"name":"Ops\\u0000","userIds":[]}""", Team.class))
                .isInstanceOfSatisfying(NulCharacterException.class, e -> assertThat(path(e)).isEqualTo("name"));
    }

    @Test
    void aNulInAListElementIsRefusedWithItsIndex() {
        assertThatThrownBy(() -> json.readValue("""
                {"name":"Ops","userIds":["a","b","c\\u0000"]}""", Team.class))
                .isInstanceOfSatisfying(NulCharacterException.class, e -> assertThat(path(e)).isEqualTo("userIds[2]"));
    }

    @Test
    void aNulInAMapValueIsRefused() {
        assertThatThrownBy(() -> json.readValue("""
                {"name":"Ops","labels":{"k":"\\u0000"}}""", Team.class))
                .isInstanceOf(NulCharacterException.class);
    }

    @Test
    void stringsWithoutNulReadAsBefore() {
        Team team = json.readValue("""
                {"name":"Ops ✓","userIds":["a"],"labels":{"k":"v"}}""", Team.class);

        assertThat(team).isEqualTo(new Team("Ops ✓", List.of("a"), Map.of("k", "v")));
    }

    private static String path(JacksonException e) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            path.append(reference.getPropertyName() != null
                    ? (path.isEmpty() ? "" : ".") + reference.getPropertyName()
                    : "[" + reference.getIndex() + "]");
        }
        return path.toString();
    }
}
