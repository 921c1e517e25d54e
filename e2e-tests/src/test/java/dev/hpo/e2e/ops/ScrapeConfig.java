package dev.hpo.e2e.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hpo.cli.local.RepoHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * deploy/prometheus/prometheus.yml with other targets, as its header says to use it elsewhere: each job's
 * service discovery becomes a static list of host:port, and everything else (paths, relabelling, rule
 * files) stays as it is. Only the scrape and evaluation intervals are shortened, so that a test need not
 * wait a quarter of a minute per sample.
 */
final class ScrapeConfig {

    private static final YAMLMapper YAML = new YAMLMapper();

    private ScrapeConfig() {
    }

    /**
     * Writes the configuration and its rule files into {@code dir} and returns the configuration's path.
     *
     * @param targets job name -> the host:port of each process of that job; every job of the file needs one
     */
    static Path write(Path dir, Map<String, List<String>> targets, String interval) {
        Path deployed = RepoHome.locate().resolve("deploy/prometheus");
        try {
            ObjectNode config = (ObjectNode) YAML.readTree(deployed.resolve("prometheus.yml").toFile());
            ((ObjectNode) config.get("global")).put("scrape_interval", interval).put("evaluation_interval", interval);
            Set<String> jobs = new HashSet<>();
            for (JsonNode job : config.path("scrape_configs")) {
                String name = job.path("job_name").asText();
                List<String> hostPorts = targets.get(name);
                if (hostPorts == null) {
                    throw new IllegalArgumentException("no targets for job " + name + " of prometheus.yml");
                }
                jobs.add(name);
                List<String> discovery = new ArrayList<>();
                job.fieldNames().forEachRemaining(f -> {
                    if (f.endsWith("_sd_configs") || f.equals("static_configs")) {
                        discovery.add(f);
                    }
                });
                ((ObjectNode) job).remove(discovery);
                ArrayNode staticTargets = ((ObjectNode) job).putArray("static_configs").addObject().putArray("targets");
                hostPorts.forEach(staticTargets::add);
            }
            if (!jobs.equals(targets.keySet())) {
                throw new IllegalArgumentException("prometheus.yml has jobs " + jobs + ", not " + targets.keySet());
            }
            for (JsonNode ruleFile : config.path("rule_files")) {
                Files.copy(deployed.resolve(ruleFile.asText()), dir.resolve(ruleFile.asText()));
            }
            Path file = dir.resolve("prometheus.yml");
            YAML.writeValue(file.toFile(), config);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the scrape configuration into " + dir, e);
        }
    }
}
