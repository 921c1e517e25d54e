package dev.hpo.optimizer.web;

import io.smallrye.mutiny.Multi;

/**
 * A bounded backlog between the live feed and one event-stream client. The server writes events one at a
 * time and asks for the next only when a write is done, while the study loop emits bursts (a trial ends and
 * the next is issued in the same instant): without a backlog the feed would drop the burst's later updates.
 * A client that falls {@value #SIZE} updates behind is disconnected; browsers reconnect and re-read the study.
 */
final class Backlog {

    static final int SIZE = 512;

    private Backlog() {
    }

    static <T> Multi<T> of(Multi<T> updates) {
        return updates.onOverflow().buffer(SIZE);
    }
}
