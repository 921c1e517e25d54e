package dev.hpo.cli.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root, where the service jars and the default state directory live. */
public final class RepoHome {

    /** System property that the {@code ./hpo} script sets to the repository root. */
    public static final String PROPERTY = "hpo.home";

    private RepoHome() {
    }

    /**
     * Returns {@value #PROPERTY} if set, else the nearest directory from the working directory upwards
     * that holds the {@code hpo} script and a {@code pom.xml}, else the working directory.
     */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("hpo")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return cwd;
    }
}
