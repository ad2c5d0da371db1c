package dev.akguard.monitor.watch;

/** What one watch cycle did (counts, for logs, the CLI and the benchmark). */
public record CycleReport(
        int sourcesPolled,
        int sourceFailures,
        int pushesQueued,
        int pushesProcessed,
        int pushFailures,
        int alertsCreated,
        int alertsReopened,
        int sightings) {

    CycleReport plus(CycleReport o) {
        return new CycleReport(
                sourcesPolled + o.sourcesPolled,
                sourceFailures + o.sourceFailures,
                pushesQueued + o.pushesQueued,
                pushesProcessed + o.pushesProcessed,
                pushFailures + o.pushFailures,
                alertsCreated + o.alertsCreated,
                alertsReopened + o.alertsReopened,
                sightings + o.sightings);
    }

    static CycleReport empty() {
        return new CycleReport(0, 0, 0, 0, 0, 0, 0, 0);
    }
}
