package io.devopssim.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap and threads over one run: the heap in use sampled every 20 ms (its highest value), the heap left
 * after each collection (GC notifications: the live set, what the rollouts really hold), the sum of every
 * heap pool's own peak (an upper bound), and the most live threads at once (ThreadMXBean's peak, reset at
 * the start). The sampler is one thread of its own, counted in the thread figures.
 */
final class JvmWatch implements AutoCloseable {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final AtomicLong sampledPeak = new AtomicLong();
    private final AtomicLong afterGcPeak = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<Runnable> unregister = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jvm-watch");
        t.setDaemon(true);
        return t;
    });
    private final int threadsBefore;

    JvmWatch() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        threadsBefore = threads.getThreadCount();
        NotificationListener onGc = this::onGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(onGc, null, null);
                unregister.add(() -> {
                    try {
                        emitter.removeNotificationListener(onGc);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
        sampler.scheduleAtFixedRate(this::sample, 0, 20, TimeUnit.MILLISECONDS);
        threads.resetPeakThreadCount();
    }

    private void sample() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        sampledPeak.accumulateAndGet(used, Math::max);
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long after = 0;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.stream().anyMatch(p -> p.getName().equals(e.getKey()))) {
                after += e.getValue().getUsed();
            }
        }
        collections.incrementAndGet();
        afterGcPeak.accumulateAndGet(after, Math::max);
    }

    /** What the run used, read now. */
    Figures figures() {
        sample();
        long poolPeaks = heapPools.stream().map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
        return new Figures(sampledPeak.get(), afterGcPeak.get(), poolPeaks, collections.get(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax(), threadsBefore, threads.getPeakThreadCount());
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        unregister.forEach(Runnable::run);
    }

    /**
     * @param heapUsedPeak   the most heap in use seen by the sampler (garbage included)
     * @param liveAfterGcPeak the most heap left after a collection during the run (0 if none ran)
     * @param poolPeakSum    sum of the heap pools' peaks: an upper bound of the heap in use
     * @param collections    garbage collections during the run
     * @param heapMax        -Xmx
     * @param threadsBefore  live threads before the run
     * @param threadsPeak    most live threads at once during the run
     */
    record Figures(long heapUsedPeak, long liveAfterGcPeak, long poolPeakSum, long collections, long heapMax,
                   int threadsBefore, int threadsPeak) {
    }
}
