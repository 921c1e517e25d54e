package dev.hpo.optimizer.study;

import java.security.SecureRandom;
import java.util.Locale;

/** Makes study ids: a readable prefix of the name and a random suffix, valid as Kafka keys and URL parts. */
final class StudyIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private StudyIds() {
    }

    static String next(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (prefix.length() > 24) {
            prefix = prefix.substring(0, 24);
        }
        StringBuilder id = new StringBuilder(prefix.isEmpty() ? "study" : prefix).append('-');
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
