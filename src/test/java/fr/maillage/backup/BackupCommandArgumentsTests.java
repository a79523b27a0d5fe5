package fr.maillage.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code --backup} and {@code --restore} refuse from the command line alone, before the database starts. */
class BackupCommandArgumentsTests {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int check(String... args) {
        return BackupCommand.checkArguments(args, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theOptionsSelectTheCommand() {
        assertThat(BackupCommand.requested(new String[] {"--backup=sauvegarde.jsonl.gz"})).isTrue();
        assertThat(BackupCommand.requested(new String[] {"--restore=sauvegarde.jsonl.gz"})).isTrue();
        assertThat(BackupCommand.requested(new String[] {"--backups=x", "--server.port=0"})).isFalse();
    }

    @Test
    void aBackupNeverOverwritesAFile() throws IOException {
        var existing = Files.writeString(directory.resolve("previous.jsonl.gz"), "previous");

        assertThat(check("--backup=" + existing)).isEqualTo(BackupCommand.FAILED);

        assertThat(output()).contains("existe déjà : une sauvegarde n'en écrase pas une autre");
        assertThat(Files.readString(existing)).isEqualTo("previous");
    }

    @Test
    void aBackupNeedsAFolderItCanWriteIn() {
        assertThat(check("--backup=" + directory.resolve("absent").resolve("s.jsonl.gz"))).isEqualTo(BackupCommand.FAILED);
        assertThat(output()).contains("Impossible d'écrire dans").contains("absent");
    }

    @Test
    void aRestoreNeedsAFile() {
        assertThat(check("--restore=" + directory.resolve("absent.jsonl.gz"))).isEqualTo(BackupCommand.FAILED);
        assertThat(output()).contains("Sauvegarde introuvable").contains("absent.jsonl.gz");
    }

    @Test
    void oneCommandAtATime() {
        assertThat(check("--backup=a.jsonl.gz", "--restore=b.jsonl.gz")).isEqualTo(BackupCommand.FAILED);
        assertThat(check("--backup=")).isEqualTo(BackupCommand.FAILED);
        assertThat(output()).contains("Usage : --backup=<fichier.jsonl.gz>");
    }

    @Test
    void aNewFileInAWritableFolderMayBeWritten() {
        assertThat(check("--backup=" + directory.resolve("new.jsonl.gz"))).isEqualTo(BackupCommand.OK);
        assertThat(output()).isEmpty();
    }

    @Test
    void aBackupWithoutCommunesWarnsOfAWrongStore() {
        var empty = new BackupFile.Header(BackupFile.FORMAT, BackupFile.VERSION, "2026-12-01T06:00:00Z", "0012", 8, 7,
                Map.of("Campaign", 1L, "FundingRule", 7L), Map.of("FUNDS", 7L));
        var france = new BackupFile.Header(BackupFile.FORMAT, BackupFile.VERSION, "2026-12-01T06:00:00Z", "0012", 1, 0,
                Map.of("Commune", 34_969L), Map.of());

        assertThat(BackupCommand.warning(empty)).hasValueSatisfying(warning -> assertThat(warning)
                .startsWith("Attention : ce magasin ne contient aucune commune"));
        assertThat(BackupCommand.warning(france)).isEmpty();
    }
}
