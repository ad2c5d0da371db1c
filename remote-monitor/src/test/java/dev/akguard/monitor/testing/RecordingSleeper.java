package dev.akguard.monitor.testing;

import dev.akguard.monitor.github.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records the waits asked for and advances the test clock by them instead of sleeping. */
public final class RecordingSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    public RecordingSleeper(MutableClock clock) { this.clock = clock; }

    @Override
    public void sleep(Duration d) {
        sleeps.add(d);
        clock.advance(d);
    }

    public List<Duration> sleeps() { synchronized (sleeps) { return List.copyOf(sleeps); } }

    public Duration total() { return sleeps().stream().reduce(Duration.ZERO, Duration::plus); }

    public void clear() { sleeps.clear(); }
}
