package dev.destek.aws.dynamo;

import static dev.destek.aws.dynamo.ApplicationItemMapper.s;
import static dev.destek.aws.dynamo.ApplicationItemMapper.string;

import dev.destek.lambda.InBackground;
import dev.destek.reminder.DueReminder;
import dev.destek.reminder.ReminderStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Reminders in the single table, indexed by due day in the sparse index {@value DestekTable#GSI1}:
 * <pre>
 *   entity         pk                    sk                      GSI1PK             GSI1SK
 *   REMINDER       COMPANY#{companyId}   REMINDER#{reminderId}   DUE#{yyyy-MM-dd}   {companyId}#{reminderId}
 *   REMINDER_SENT  COMPANY#{companyId}   SENT#{reminderId}       -                  -
 * </pre>
 * Only reminder items carry GSI1 keys, so the daily query reads exactly the reminders due that day. Scheduling
 * the same reminder twice overwrites it with identical content. The SENT marker is written once, conditionally.
 */
public final class DynamoReminderStore implements ReminderStore {
    static final String ENTITY_REMINDER = "REMINDER";
    static final String ENTITY_REMINDER_SENT = "REMINDER_SENT";
    static final String APPLICATION_ID = "applicationId";
    static final String RULE_ID = "ruleId";
    static final String ARTICLE = "article";
    static final String DEADLINE = "deadline";
    static final String SEND_ON = "sendOn";
    static final String SENT_AT = "sentAt";

    private final Supplier<DynamoDbClient> dynamo;
    private final String tableName;

    /** Takes the client as it may still be being built (see {@link InBackground}); it is awaited on first use. */
    public DynamoReminderStore(Supplier<DynamoDbClient> dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public void schedule(DueReminder reminder) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DestekTable.PK, s(ApplicationItemMapper.companyPk(reminder.companyId())));
        item.put(DestekTable.SK, s("REMINDER#" + reminder.reminderId()));
        item.put(ApplicationItemMapper.ENTITY, s(ENTITY_REMINDER));
        item.put(DestekTable.GSI1_PK, s(duePk(reminder.sendOn())));
        item.put(DestekTable.GSI1_SK, s(reminder.companyId() + "#" + reminder.reminderId()));
        item.put(ApplicationItemMapper.COMPANY_ID, s(reminder.companyId()));
        item.put(APPLICATION_ID, s(reminder.applicationId()));
        item.put(RULE_ID, s(reminder.ruleId()));
        if (reminder.article() != null) {
            item.put(ARTICLE, s(reminder.article()));
        }
        item.put(DEADLINE, s(reminder.deadline().toString()));
        item.put(SEND_ON, s(reminder.sendOn().toString()));
        dynamo.get().putItem(request -> request.tableName(tableName).item(item));
    }

    @Override
    public List<DueReminder> dueOn(LocalDate day) {
        return dynamo.get().queryPaginator(request -> request.tableName(tableName)
                        .indexName(DestekTable.GSI1)
                        .keyConditionExpression("#gsi1pk = :due")
                        .expressionAttributeNames(Map.of("#gsi1pk", DestekTable.GSI1_PK))
                        .expressionAttributeValues(Map.of(":due", s(duePk(day)))))
                .items()
                .stream()
                .map(DynamoReminderStore::toReminder)
                .toList();
    }

    @Override
    public boolean claim(DueReminder reminder, Instant at) {
        try {
            dynamo.get().putItem(request -> request.tableName(tableName)
                    .item(Map.of(
                            DestekTable.PK, s(ApplicationItemMapper.companyPk(reminder.companyId())),
                            DestekTable.SK, s("SENT#" + reminder.reminderId()),
                            ApplicationItemMapper.ENTITY, s(ENTITY_REMINDER_SENT),
                            SENT_AT, s(at.toString())))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", DestekTable.PK)));
            return true;
        } catch (ConditionalCheckFailedException alreadyClaimed) {
            return false;
        }
    }

    private static String duePk(LocalDate day) {
        return "DUE#" + day;
    }

    private static DueReminder toReminder(Map<String, AttributeValue> item) {
        return new DueReminder(
                string(item, ApplicationItemMapper.COMPANY_ID),
                string(item, APPLICATION_ID),
                string(item, RULE_ID),
                string(item, ARTICLE),
                LocalDate.parse(string(item, DEADLINE)),
                LocalDate.parse(string(item, SEND_ON)));
    }
}
