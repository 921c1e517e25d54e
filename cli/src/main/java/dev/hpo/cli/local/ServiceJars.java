package dev.hpo.cli.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts the services from the Quarkus jars that {@code ./mvnw install} builds under the repository root. */
record ServiceJars(Path home) implements ServiceCommands {

    @Override
    public List<String> optimizer() {
        return List.of(java(), "-jar", jar("optimizer-service").toString());
    }

    @Override
    public List<String> trainer() {
        // JavaCPP unpacks ND4J's natives (about 400 MB) into its cache; one fixed place instead of one per jar name.
        // maxPhysicalBytes=0 stops a /proc read on every native allocation (16% of the training thread), and the
        // parallel collector keeps up with ND4J's garbage: together about 25% off an epoch (docs/benchmarks.md).
        Path javacppCache = Path.of(System.getProperty("user.home"), ".javacpp", "cache");
        return List.of(java(), "-Xmx1g", "-XX:+UseParallelGC", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                "-Dorg.bytedeco.javacpp.cachedir=" + javacppCache, "-jar", jar("trainer-service").toString());
    }

    @Override
    public Path workingDirectory() {
        return home;
    }

    private Path jar(String module) {
        Path jar = home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + module + " jar at " + jar
                    + "; run ./mvnw install -DskipTests in " + home.toAbsolutePath() + " first");
        }
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
