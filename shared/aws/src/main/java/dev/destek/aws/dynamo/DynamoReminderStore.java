package dev.destek.aws.dynamo;

import static dev.destek.aws.dynamo.ApplicationItemMapper.companyPk;
import static dev.destek.aws.dynamo.ApplicationItemMapper.key;
import static dev.destek.aws.dynamo.ApplicationItemMapper.s;
import static dev.destek.aws.dynamo.ApplicationItemMapper.string;

import dev.destek.lambda.InBackground;
import dev.destek.reminder.DueReminder;
import dev.destek.reminder.Notification;
import dev.destek.reminder.OutboxMessage;
import dev.destek.reminder.ReminderPreferences;
import dev.destek.reminder.ReminderStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reminders, their outbox and the run's watermark in the single table. The sparse index {@value DestekTable#GSI1}
 * holds only what a run must read:
 * <pre>
 *   entity        pk                    sk                        GSI1PK            GSI1SK
 *   REMINDER      COMPANY#{companyId}   REMINDER#{reminderId}     DUE#{yyyy-MM-dd}  {companyId}#{reminderId}   SCHEDULED
 *                                                                 OUTBOX            {companyId}#{reminderId}   PENDING
 *                                                                 -                 -                          SENT, MUTED, CANCELLED
 *   PREFERENCES   COMPANY#{companyId}   PREFERENCES
 *   WATERMARK     SYSTEM#REMINDERS      WATERMARK
 * </pre>
 * A reminder id starts with its application id, so one application's reminders are one key-prefix Query. Every
 * status change is an UpdateItem conditioned on the status it leaves, and takes the item out of the day's index
 * partition at the same time: a recorded reminder is never found due again.
 */
public final class DynamoReminderStore implements ReminderStore {
    static final String ENTITY_REMINDER = "REMINDER";
    static final String ENTITY_PREFERENCES = "PREFERENCES";
    static final String ENTITY_WATERMARK = "WATERMARK";
    static final String APPLICATION_ID = "applicationId";
    static final String RULE_ID = "ruleId";
    static final String ARTICLE = "article";
    static final String SUBJECT = "subject";
    static final String DEADLINE = "deadline";
    static final String SEND_ON = "sendOn";
    static final String KIND = "kind";
    static final String DESCRIPTION = "description";
    static final String CONSEQUENCE = "consequence";
    static final String DESCRIPTION_TR = "descriptionTr";
    static final String CONSEQUENCE_TR = "consequenceTr";
    static final String STATUS = "status";
    static final String LANGUAGE = "language";
    static final String RECIPIENT = "recipient";
    static final String MESSAGE_SUBJECT = "messageSubject";
    static final String MESSAGE_BODY = "messageBody";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String RECORDED_AT = "recordedAt";
    static final String SENT_AT = "sentAt";
    static final String UPDATED_AT = "updatedAt";
    static final String EMAIL = "email";
    static final String MUTED_KINDS = "mutedKinds";
    static final String DAY = "day";
    static final String OUTBOX = "OUTBOX";
    static final String SCHEDULED = "SCHEDULED";
    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String MUTED = "MUTED";
    static final String CANCELLED = "CANCELLED";
    private static final String REMINDER_PREFIX = "REMINDER#";
    private static final String PREFERENCES_SK = "PREFERENCES";
    private static final String WATERMARK_PK = "SYSTEM#REMINDERS";
    private static final String WATERMARK_SK = "WATERMARK";

    private final Supplier<DynamoDbClient> dynamo;
    private final String tableName;

    /** Takes the client as it may still be being built (see {@link InBackground}); it is awaited on first use. */
    public DynamoReminderStore(Supplier<DynamoDbClient> dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public ScheduleChange replaceSchedule(String companyId, String applicationId, List<DueReminder> planned,
                                          Instant now) {
        Map<String, DueReminder> wanted = planned.stream().collect(Collectors.toMap(DueReminder::reminderId,
                r -> r, (a, b) -> a));
        Map<String, String> existing = new HashMap<>();
        dynamo.get().queryPaginator(QueryRequest.builder().tableName(tableName)
                        .consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                        .projectionExpression("#sk, #status")
                        .expressionAttributeNames(Map.of("#pk", DestekTable.PK, "#sk", DestekTable.SK,
                                "#status", STATUS))
                        .expressionAttributeValues(Map.of(":pk", s(companyPk(companyId)),
                                ":prefix", s(REMINDER_PREFIX + applicationId + "#")))
                        .build())
                .items()
                .forEach(item -> existing.put(string(item, DestekTable.SK).substring(REMINDER_PREFIX.length()),
                        string(item, STATUS)));
        int added = 0;
        int cancelled = 0;
        int kept = 0;
        for (Map.Entry<String, String> e : existing.entrySet()) {
            if (SCHEDULED.equals(e.getValue()) && !wanted.containsKey(e.getKey())) {
                if (transition(companyId, e.getKey(), SCHEDULED, CANCELLED, Map.of(), now)) {
                    cancelled++;
                }
            }
        }
        for (DueReminder reminder : wanted.values()) {
            String status = existing.get(reminder.reminderId());
            if (status != null && !CANCELLED.equals(status)) {
                kept++;
            } else if (schedule(reminder)) {
                added++;
            }
        }
        return new ScheduleChange(added, cancelled, kept);
    }

    /** Adds a reminder unless it exists in any state but CANCELLED. */
    private boolean schedule(DueReminder reminder) {
        Map<String, AttributeValue> item = scheduledItem(reminder);
        try {
            dynamo.get().putItem(request -> request.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #status = :cancelled")
                    .expressionAttributeNames(Map.of("#pk", DestekTable.PK, "#status", STATUS))
                    .expressionAttributeValues(Map.of(":cancelled", s(CANCELLED))));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** The item of a SCHEDULED reminder, indexed by its due day (also what the benchmark seeds in bulk). */
    public static Map<String, AttributeValue> scheduledItem(DueReminder reminder) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DestekTable.PK, s(companyPk(reminder.companyId())));
        item.put(DestekTable.SK, s(REMINDER_PREFIX + reminder.reminderId()));
        item.put(ApplicationItemMapper.ENTITY, s(ENTITY_REMINDER));
        item.put(DestekTable.GSI1_PK, s(duePk(reminder.sendOn())));
        item.put(DestekTable.GSI1_SK, s(indexSk(reminder)));
        item.put(ApplicationItemMapper.COMPANY_ID, s(reminder.companyId()));
        item.put(APPLICATION_ID, s(reminder.applicationId()));
        item.put(RULE_ID, s(reminder.ruleId()));
        putIfPresent(item, ARTICLE, reminder.article());
        putIfPresent(item, SUBJECT, reminder.subject());
        item.put(DEADLINE, s(reminder.deadline().toString()));
        item.put(SEND_ON, s(reminder.sendOn().toString()));
        item.put(KIND, s(reminder.kind()));
        putIfPresent(item, DESCRIPTION, reminder.description());
        putIfPresent(item, CONSEQUENCE, reminder.consequence());
        putIfPresent(item, DESCRIPTION_TR, reminder.descriptionTr());
        putIfPresent(item, CONSEQUENCE_TR, reminder.consequenceTr());
        item.put(STATUS, s(SCHEDULED));
        return item;
    }

    @Override
    public List<DueReminder> dueOn(LocalDate day) {
        return queryIndex(duePk(day)).stream().map(DynamoReminderStore::toReminder).toList();
    }

    @Override
    public boolean record(OutboxMessage message, Instant now, Instant leaseUntil) {
        Map<String, AttributeValue> set = new HashMap<>();
        set.put(LANGUAGE, s(message.language()));
        set.put(MESSAGE_SUBJECT, s(message.subject()));
        set.put(MESSAGE_BODY, s(message.body()));
        set.put(LEASE_UNTIL, millis(leaseUntil));
        set.put(RECORDED_AT, s(now.toString()));
        if (message.recipient() != null) {
            set.put(RECIPIENT, s(message.recipient()));
        }
        set.put(DestekTable.GSI1_PK, s(OUTBOX));
        set.put(DestekTable.GSI1_SK, s(indexSk(message.reminder())));
        return transition(message.reminder().companyId(), message.reminder().reminderId(), SCHEDULED, PENDING, set,
                now);
    }

    @Override
    public boolean mute(DueReminder reminder, Instant now) {
        return transition(reminder.companyId(), reminder.reminderId(), SCHEDULED, MUTED, Map.of(), now);
    }

    @Override
    public List<OutboxMessage> pending() {
        return queryIndex(OUTBOX).stream().map(DynamoReminderStore::toMessage).toList();
    }

    @Override
    public boolean lease(OutboxMessage message, Instant now, Instant leaseUntil) {
        try {
            dynamo.get().updateItem(request -> request.tableName(tableName)
                    .key(reminderKey(message.reminder()))
                    .updateExpression("SET #lease = :until")
                    .conditionExpression("#status = :pending AND #lease < :now")
                    .expressionAttributeNames(Map.of("#lease", LEASE_UNTIL, "#status", STATUS))
                    .expressionAttributeValues(Map.of(":until", millis(leaseUntil), ":pending", s(PENDING),
                            ":now", millis(now))));
            return true;
        } catch (ConditionalCheckFailedException sentOrHeld) {
            return false;
        }
    }

    @Override
    public void markSent(OutboxMessage message, Instant at) {
        transition(message.reminder().companyId(), message.reminder().reminderId(), PENDING, SENT,
                Map.of(SENT_AT, s(at.toString())), at);
    }

    /**
     * {@code from} → {@code to}, setting {@code set}; leaving SCHEDULED or PENDING for anything but PENDING also
     * takes the item out of the index.
     */
    private boolean transition(String companyId, String reminderId, String from, String to,
                               Map<String, AttributeValue> set, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS, "#updatedAt", UPDATED_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", s(from), ":to", s(to),
                ":updatedAt", s(now.toString())));
        StringBuilder update = new StringBuilder("SET #status = :to, #updatedAt = :updatedAt");
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : set.entrySet()) {
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, e.getValue());
            update.append(", #a").append(i).append(" = :a").append(i);
            i++;
        }
        if (!set.containsKey(DestekTable.GSI1_PK)) {
            names.put("#gpk", DestekTable.GSI1_PK);
            names.put("#gsk", DestekTable.GSI1_SK);
            update.append(" REMOVE #gpk, #gsk");
        }
        try {
            dynamo.get().updateItem(request -> request.tableName(tableName)
                    .key(key(companyPk(companyId), REMINDER_PREFIX + reminderId))
                    .updateExpression(update.toString())
                    .conditionExpression("#status = :from")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notInThatState) {
            return false;
        }
    }

    @Override
    public Optional<LocalDate> watermark() {
        Map<String, AttributeValue> item = dynamo.get().getItem(request -> request.tableName(tableName)
                .key(key(WATERMARK_PK, WATERMARK_SK)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(string(item, DAY)));
    }

    @Override
    public void advanceWatermark(LocalDate day, Instant at) {
        try {
            dynamo.get().putItem(request -> request.tableName(tableName)
                    .item(Map.of(DestekTable.PK, s(WATERMARK_PK), DestekTable.SK, s(WATERMARK_SK),
                            ApplicationItemMapper.ENTITY, s(ENTITY_WATERMARK), DAY, s(day.toString()),
                            UPDATED_AT, s(at.toString())))
                    .conditionExpression("attribute_not_exists(#pk) OR #day < :day")
                    .expressionAttributeNames(Map.of("#pk", DestekTable.PK, "#day", DAY))
                    .expressionAttributeValues(Map.of(":day", s(day.toString()))));
        } catch (ConditionalCheckFailedException alreadyThereOrLater) {
            // a concurrent or later run moved it at least as far
        }
    }

    @Override
    public ReminderPreferences preferences(String companyId) {
        Map<String, AttributeValue> item = dynamo.get().getItem(request -> request.tableName(tableName)
                .key(key(companyPk(companyId), PREFERENCES_SK)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return ReminderPreferences.DEFAULTS;
        }
        AttributeValue muted = item.get(MUTED_KINDS);
        Set<String> kinds = muted == null || !muted.hasSs() ? Set.of() : new HashSet<>(muted.ss());
        return new ReminderPreferences(string(item, LANGUAGE), string(item, EMAIL), kinds);
    }

    @Override
    public void savePreferences(String companyId, ReminderPreferences preferences) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DestekTable.PK, s(companyPk(companyId)));
        item.put(DestekTable.SK, s(PREFERENCES_SK));
        item.put(ApplicationItemMapper.ENTITY, s(ENTITY_PREFERENCES));
        item.put(LANGUAGE, s(preferences.language()));
        putIfPresent(item, EMAIL, preferences.email());
        if (!preferences.mutedKinds().isEmpty()) {
            item.put(MUTED_KINDS, AttributeValue.builder().ss(preferences.mutedKinds()).build());
        }
        dynamo.get().putItem(request -> request.tableName(tableName).item(item));
    }

    @Override
    public List<Notification> notifications(String companyId) {
        return dynamo.get().queryPaginator(QueryRequest.builder().tableName(tableName)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                        .filterExpression("#status IN (:pending, :sent)")
                        .expressionAttributeNames(Map.of("#pk", DestekTable.PK, "#sk", DestekTable.SK,
                                "#status", STATUS))
                        .expressionAttributeValues(Map.of(":pk", s(companyPk(companyId)),
                                ":prefix", s(REMINDER_PREFIX), ":pending", s(PENDING), ":sent", s(SENT)))
                        .build())
                .items()
                .stream()
                .map(item -> {
                    OutboxMessage m = toMessage(item);
                    DueReminder r = m.reminder();
                    String sentAt = string(item, SENT_AT);
                    return new Notification(r.reminderId(), r.applicationId(), r.ruleId(), r.article(), r.deadline(),
                            r.kind(), string(item, STATUS), m.language(), m.subject(), m.body(),
                            Instant.parse(string(item, RECORDED_AT)), sentAt == null ? null : Instant.parse(sentAt));
                })
                .sorted(Comparator.comparing(Notification::recordedAt).thenComparing(Notification::id).reversed())
                .toList();
    }

    private List<Map<String, AttributeValue>> queryIndex(String partition) {
        return dynamo.get().queryPaginator(request -> request.tableName(tableName)
                        .indexName(DestekTable.GSI1)
                        .keyConditionExpression("#gsi1pk = :p")
                        .expressionAttributeNames(Map.of("#gsi1pk", DestekTable.GSI1_PK))
                        .expressionAttributeValues(Map.of(":p", s(partition))))
                .items()
                .stream()
                .toList();
    }

    private static Map<String, AttributeValue> reminderKey(DueReminder reminder) {
        return key(companyPk(reminder.companyId()), REMINDER_PREFIX + reminder.reminderId());
    }

    /** Leases are compared, so they are numbers (epoch milliseconds), not ISO strings. */
    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    private static String duePk(LocalDate day) {
        return "DUE#" + day;
    }

    private static String indexSk(DueReminder reminder) {
        return reminder.companyId() + "#" + reminder.reminderId();
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static DueReminder toReminder(Map<String, AttributeValue> item) {
        return new DueReminder(
                string(item, ApplicationItemMapper.COMPANY_ID),
                string(item, APPLICATION_ID),
                string(item, RULE_ID),
                string(item, ARTICLE),
                string(item, SUBJECT),
                LocalDate.parse(string(item, DEADLINE)),
                LocalDate.parse(string(item, SEND_ON)),
                string(item, KIND),
                string(item, DESCRIPTION),
                string(item, CONSEQUENCE),
                string(item, DESCRIPTION_TR),
                string(item, CONSEQUENCE_TR));
    }

    private static OutboxMessage toMessage(Map<String, AttributeValue> item) {
        return new OutboxMessage(toReminder(item), string(item, LANGUAGE), string(item, RECIPIENT),
                string(item, MESSAGE_SUBJECT), string(item, MESSAGE_BODY));
    }
}
