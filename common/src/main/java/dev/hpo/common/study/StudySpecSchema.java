package dev.hpo.common.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON Schema of what {@link StudySpecParser} reads ({@code hpo.spec/v1}), one classpath resource that the
 * optimizer serves and the tests validate against, so that an editor can check a spec as it is typed.
 */
public final class StudySpecSchema {

    /** The schema's classpath resource, {@code common/src/main/resources/schemas/hpo.spec.v1.json} in the repository. */
    public static final String RESOURCE = "/schemas/hpo.spec.v1.json";
    /** The schema's {@code $id}. */
    public static final String ID = "urn:hpo:schema:hpo.spec/v1";
    /** The media type of a JSON Schema (draft 2020-12, section 14). */
    public static final String MEDIA_TYPE = "application/schema+json";

    private StudySpecSchema() {
    }

    /** The schema's bytes (UTF-8 JSON), as published. */
    public static byte[] bytes() {
        try (InputStream in = StudySpecSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
