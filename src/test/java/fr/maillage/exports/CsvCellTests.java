package fr.maillage.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** What one CSV cell holds, column kind by column kind. */
class CsvCellTests {

    @Test
    void aTypedCodeThatLooksLikeAFormulaIsDefusedLikeAnyText() {
        // found by probing: a programme id is a code column, and people type it ("=HYPERLINK(...)" was accepted)
        var programmeId = Column.<String>code("Identifiant dispositif", 20, id -> id);
        assertThat(CsvTableWriter.cell(programmeId, "=HYPERLINK(\"http://evil.example/\",\"x\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example/\",\"x\")");
        assertThat(CsvTableWriter.cell(programmeId, "+33 6")).isEqualTo("'+33 6");
        // real codes keep their leading zeros and letters
        assertThat(CsvTableWriter.cell(programmeId, "01004")).isEqualTo("01004");
        assertThat(CsvTableWriter.cell(programmeId, "2A004")).isEqualTo("2A004");
    }

    @Test
    void aDateIsWrittenTheFrenchWay() {
        assertThat(CsvTableWriter.cell(Column.<LocalDate>date("Fin", d -> d), LocalDate.of(2027, 1, 19)))
                .isEqualTo("19/01/2027");
    }
}
