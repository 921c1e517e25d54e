package dev.hpo.cli.bench;

import dev.hpo.cli.bench.TopicLog.IssuedTrial;
import dev.hpo.cli.bench.TopicLog.ReportedResult;
import dev.hpo.common.message.TrialStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bench's final audit: what the topics say happened to every trial, against what the optimizer's API says of
 * every study.
 *
 * @param issued               distinct trial ids on the trial topic
 * @param completed            distinct trial ids with a {@code COMPLETED} result
 * @param lost                 trials issued, their study ended, and no result of any status
 * @param completedTwice       trial ids with more than one result record (at-least-once duplicates)
 * @param resultsCountedTwice  over all studies, how many more trials the API counts completed than the topics hold
 * @param studies              studies audited
 * @param studiesExact         studies {@code FINISHED} with exactly the asked number of distinct trial numbers
 * @param problems             one line per study that is not exact, or that counts a result twice
 */
record LoadAudit(long issued, long completed, long lost, long completedTwice, long resultsCountedTwice, int studies,
                 int studiesExact, List<String> problems) {

    /** A study as the API reports it at the end: its status and {@code counts.completed}. */
    record StudyOutcome(String status, long completed) {
    }

    LoadAudit {
        problems = List.copyOf(problems);
    }

    /** Whether nothing was lost or doubled and every study finished exactly. */
    boolean clean() {
        return lost == 0 && completedTwice == 0 && resultsCountedTwice == 0 && studiesExact == studies;
    }

    /** Audits {@code log} against {@code outcomes} (study id -> outcome) for studies of {@code trials} trials. */
    static LoadAudit of(TopicLog log, Map<String, StudyOutcome> outcomes, int trials) {
        Map<String, String> studyOf = new HashMap<>();
        Map<String, Set<Integer>> numbers = new HashMap<>();
        for (IssuedTrial t : log.trials()) {
            studyOf.put(t.trialId(), t.studyId());
            numbers.computeIfAbsent(t.studyId(), s -> new HashSet<>()).add(t.number());
        }
        Map<String, Integer> resultCount = new HashMap<>();
        Map<String, Set<String>> completedByStudy = new HashMap<>();
        for (ReportedResult r : log.results()) {
            resultCount.merge(r.trialId(), 1, Integer::sum);
            if (r.status() == TrialStatus.COMPLETED) {
                completedByStudy.computeIfAbsent(r.studyId(), s -> new HashSet<>()).add(r.trialId());
            }
        }
        long lost = studyOf.entrySet().stream().filter(e -> !resultCount.containsKey(e.getKey()))
                .filter(e -> ended(outcomes.get(e.getValue()))).count();
        long twice = resultCount.values().stream().filter(n -> n > 1).count();
        long completed = completedByStudy.values().stream().mapToLong(Set::size).sum();
        long countedTwice = 0;
        int exact = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, StudyOutcome> e : new TreeMap<>(outcomes).entrySet()) {
            String id = e.getKey();
            StudyOutcome outcome = e.getValue();
            long distinct = completedByStudy.getOrDefault(id, Set.of()).size();
            long extra = Math.max(0, outcome.completed() - distinct);
            countedTwice += extra;
            int numbered = numbers.getOrDefault(id, Set.of()).size();
            boolean finished = "FINISHED".equals(outcome.status()) && numbered == trials;
            if (finished) {
                exact++;
            } else {
                problems.add(id + ": " + outcome.status() + " with " + numbered + " distinct trial numbers, "
                        + trials + " asked");
            }
            if (extra > 0) {
                problems.add(id + ": the API counts " + outcome.completed() + " completed, the topics hold " + distinct);
            }
        }
        return new LoadAudit(studyOf.size(), completed, lost, twice, countedTwice, outcomes.size(), exact, problems);
    }

    private static boolean ended(StudyOutcome outcome) {
        return outcome != null && !"RUNNING".equals(outcome.status());
    }
}
