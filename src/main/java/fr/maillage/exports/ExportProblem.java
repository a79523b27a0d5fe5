package fr.maillage.exports;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The JSON body of a refused export: {@code status} and {@code error}; {@code parameter} when one parameter is at
 * fault, {@code problems} when the check found any (absent, not null or empty, otherwise).
 */
@JsonPropertyOrder({ "status", "error", "parameter", "problems" })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ExportProblem(int status, String error, String parameter, List<Problem> problems) {

    /** One parameter's problem. */
    @JsonPropertyOrder({ "parameter", "reason" })
    record Problem(String parameter, String reason) {
    }
}
