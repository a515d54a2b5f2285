package org.hotline.prompt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The checked-in prompt table, prompts/prompts.tsv (header line, then name, language, voice, text). */
record PromptsTsv(List<Row> rows) {

    static final Path DIRECTORY = Path.of("prompts");
    static final List<String> LANGUAGES = List.of(SpokenNumbers.MANDARIN, SpokenNumbers.ENGLISH);

    record Row(String name, String language, String voice, String text) {
    }

    static PromptsTsv read() {
        try {
            List<String> lines = Files.readAllLines(DIRECTORY.resolve("prompts.tsv"), StandardCharsets.UTF_8);
            return new PromptsTsv(lines.stream().skip(1).map(PromptsTsv::row).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(String line) {
        String[] columns = line.split("\t", -1);
        if (columns.length != 4) {
            throw new IllegalStateException("prompts.tsv: expected 4 columns in: " + line);
        }
        return new Row(columns[0], columns[1], columns[2], columns[3]);
    }

    Set<String> names(String language) {
        return rows.stream().filter(row -> row.language().equals(language)).map(Row::name)
                .collect(Collectors.toSet());
    }
}
