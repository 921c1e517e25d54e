package dev.hpo.e2e.ops;

import dev.hpo.cli.local.RepoHome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * The documents that {@code kubectl kustomize deploy/k8s/overlays/<overlay>} renders, loaded into fabric8's
 * Kubernetes model: built-in kinds as their typed classes, custom resources (KEDA, Strimzi, Prometheus
 * Operator) as {@link GenericKubernetesResource}.
 */
final class KubernetesManifests {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private final String overlay;
    private final List<HasMetadata> resources;

    private KubernetesManifests(String overlay, List<HasMetadata> resources) {
        this.overlay = overlay;
        this.resources = resources;
    }

    /** Renders {@code overlay} with the kubectl on the PATH and loads every document. */
    static KubernetesManifests render(String overlay) {
        String yaml = Tool.run(RepoHome.locate(), "kubectl", "kustomize", "deploy/k8s/overlays/" + overlay);
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (!document.isBlank()) {
                resources.add(serialization.unmarshal(document, HasMetadata.class));
            }
        }
        return new KubernetesManifests(overlay, resources);
    }

    String overlay() {
        return overlay;
    }

    List<HasMetadata> all() {
        return resources;
    }

    /** The one resource of {@code type} named {@code name}. */
    <T extends HasMetadata> T get(Class<T> type, String name) {
        return resources.stream().filter(type::isInstance).map(type::cast)
                .filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(overlay + " renders no " + type.getSimpleName() + " " + name));
    }

    /** Every custom resource of {@code kind}. */
    List<GenericKubernetesResource> custom(String kind) {
        return resources.stream().filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast).filter(r -> r.getKind().equals(kind)).toList();
    }

    /** The one custom resource of {@code kind} named {@code name}. */
    GenericKubernetesResource custom(String kind, String name) {
        return custom(kind).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(overlay + " renders no " + kind + " " + name));
    }

    /**
     * The fields the model did not know, as {@code kind/name: path.to.field}: fabric8 keeps unknown fields in
     * each object's {@code additionalProperties} instead of refusing them, so this walks the typed objects.
     * Custom resources are left out (their whole spec lives there).
     */
    List<String> unknownFields() {
        List<String> unknown = new ArrayList<>();
        for (HasMetadata r : resources) {
            if (!(r instanceof GenericKubernetesResource)) {
                collectUnknown(r, r.getKind() + "/" + r.getMetadata().getName(), unknown);
            }
        }
        return unknown;
    }

    private static void collectUnknown(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                collectUnknown(element, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, path + "." + k, unknown));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) field).keySet().forEach(k -> unknown.add(path + "." + k));
            } else {
                collectUnknown(field, path + "." + property(getter), unknown);
            }
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + getter + " of " + target.getClass(), e);
        }
    }
}
