package dev.legacyguard.bench.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything a full run measured, kept next to RESULTS.md, so that the report can be rendered
 * again (a changed rule or layout) without measuring again. Java serialization of the records:
 * the report reads exactly the values it was measured with.
 */
public final class RawResults {

    static final String FILE_NAME = "results.ser";

    private RawResults() {
    }

    static Path beside(Path report) {
        return report.toAbsolutePath().resolveSibling(FILE_NAME);
    }

    public static void write(Suite.Results results, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(results);
        }
    }

    public static Suite.Results read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist: run benchmarks/run.sh (the full profile) once; it keeps"
                    + " the raw results there for rendering again");
        }
        try (InputStream in = Files.newInputStream(file); ObjectInputStream objects = new ObjectInputStream(in)) {
            return (Suite.Results) objects.readObject();
        } catch (ClassNotFoundException | InvalidClassException | ClassCastException e) {
            throw new IOException(file + " was written by a suite whose results no longer read the same (" + e
                    + "); run benchmarks/run.sh again", e);
        }
    }
}
