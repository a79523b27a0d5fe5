package fr.maillage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --import=...} turns the jar into a command-line import (no web server). */
class ImportModeTests {

    @Test
    void theImportOptionSelectsTheCommandLineMode() {
        assertThat(MaillageApplication.importRequested(new String[] {"--import=places", "--file=lieux.csv"})).isTrue();
        assertThat(MaillageApplication.importRequested(new String[] {"--server.port=0"})).isFalse();
        assertThat(MaillageApplication.importRequested(new String[] {"--imports=x"})).isFalse();
    }
}
