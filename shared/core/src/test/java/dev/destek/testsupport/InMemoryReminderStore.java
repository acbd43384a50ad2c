package dev.destek.testsupport;

import dev.destek.reminder.DueReminder;
import dev.destek.reminder.Notification;
import dev.destek.reminder.OutboxMessage;
import dev.destek.reminder.ReminderPreferences;
import dev.destek.reminder.ReminderStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The reminder store's contract in memory, for service tests; the DynamoDB adapter is tested against dynalite. */
public final class InMemoryReminderStore implements ReminderStore {
    /** One reminder with its state. */
    public record Entry(DueReminder reminder, String status, OutboxMessage message, Instant leaseUntil,
                        Instant recordedAt, Instant sentAt) {
        Entry with(String newStatus) {
            return new Entry(reminder, newStatus, message, leaseUntil, recordedAt, sentAt);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, ReminderPreferences> preferences = new ConcurrentHashMap<>();
    private volatile LocalDate watermark;

    private static String key(DueReminder r) {
        return r.companyId() + "/" + r.reminderId();
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    @Override
    public synchronized ScheduleChange replaceSchedule(String companyId, String applicationId,
                                                       List<DueReminder> planned, Instant now) {
        int added = 0;
        int cancelled = 0;
        int kept = 0;
        List<String> wanted = planned.stream().map(InMemoryReminderStore::key).toList();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            DueReminder r = e.getValue().reminder();
            if (r.companyId().equals(companyId) && r.applicationId().equals(applicationId)
                    && e.getValue().status().equals("SCHEDULED") && !wanted.contains(e.getKey())) {
                e.setValue(e.getValue().with("CANCELLED"));
                cancelled++;
            }
        }
        for (DueReminder r : planned) {
            Entry existing = entries.get(key(r));
            if (existing == null || existing.status().equals("CANCELLED")) {
                entries.put(key(r), new Entry(r, "SCHEDULED", null, null, null, null));
                added++;
            } else {
                kept++;
            }
        }
        return new ScheduleChange(added, cancelled, kept);
    }

    @Override
    public synchronized List<DueReminder> dueOn(LocalDate day) {
        return entries.values().stream().filter(e -> e.status().equals("SCHEDULED") && e.reminder().sendOn().equals(day))
                .map(Entry::reminder).toList();
    }

    @Override
    public synchronized boolean record(OutboxMessage message, Instant now, Instant leaseUntil) {
        Entry e = entries.get(key(message.reminder()));
        if (e == null || !e.status().equals("SCHEDULED")) {
            return false;
        }
        entries.put(key(message.reminder()), new Entry(e.reminder(), "PENDING", message, leaseUntil, now, null));
        return true;
    }

    @Override
    public synchronized boolean mute(DueReminder reminder, Instant now) {
        Entry e = entries.get(key(reminder));
        if (e == null || !e.status().equals("SCHEDULED")) {
            return false;
        }
        entries.put(key(reminder), e.with("MUTED"));
        return true;
    }

    @Override
    public synchronized List<OutboxMessage> pending() {
        return entries.values().stream().filter(e -> e.status().equals("PENDING")).map(Entry::message).toList();
    }

    @Override
    public synchronized boolean lease(OutboxMessage message, Instant now, Instant leaseUntil) {
        Entry e = entries.get(key(message.reminder()));
        if (e == null || !e.status().equals("PENDING") || !e.leaseUntil().isBefore(now)) {
            return false;
        }
        entries.put(key(message.reminder()), new Entry(e.reminder(), "PENDING", e.message(), leaseUntil,
                e.recordedAt(), null));
        return true;
    }

    @Override
    public synchronized void markSent(OutboxMessage message, Instant at) {
        Entry e = entries.get(key(message.reminder()));
        if (e != null && e.status().equals("PENDING")) {
            entries.put(key(message.reminder()), new Entry(e.reminder(), "SENT", e.message(), e.leaseUntil(),
                    e.recordedAt(), at));
        }
    }

    @Override
    public Optional<LocalDate> watermark() {
        return Optional.ofNullable(watermark);
    }

    @Override
    public synchronized void advanceWatermark(LocalDate day, Instant at) {
        if (watermark == null || watermark.isBefore(day)) {
            watermark = day;
        }
    }

    @Override
    public ReminderPreferences preferences(String companyId) {
        return preferences.getOrDefault(companyId, ReminderPreferences.DEFAULTS);
    }

    @Override
    public void savePreferences(String companyId, ReminderPreferences p) {
        preferences.put(companyId, p);
    }

    @Override
    public synchronized List<Notification> notifications(String companyId) {
        List<Notification> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.reminder().companyId().equals(companyId)
                    && (e.status().equals("PENDING") || e.status().equals("SENT"))) {
                DueReminder r = e.reminder();
                out.add(new Notification(r.reminderId(), r.applicationId(), r.ruleId(), r.article(), r.deadline(),
                        r.kind(), e.status(), e.message().language(), e.message().subject(), e.message().body(),
                        e.recordedAt(), e.sentAt()));
            }
        }
        out.sort(Comparator.comparing(Notification::recordedAt).reversed());
        return out;
    }
}
