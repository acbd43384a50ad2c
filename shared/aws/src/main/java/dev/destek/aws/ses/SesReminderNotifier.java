package dev.destek.aws.ses;

import dev.destek.lambda.InBackground;
import dev.destek.reminder.Notifier;
import dev.destek.reminder.OutboxMessage;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageTag;

/**
 * E-mails a recorded reminder through SES (API v2 {@code SendEmail}, simple content, UTF-8 text) from the
 * configured sender. A company without a reminder address gets its reminders in the app only: nothing is sent.
 * The reminder id travels as a message tag, so a bounce or a complaint can be traced to the reminder.
 */
public final class SesReminderNotifier implements Notifier {
    private static final String UTF_8 = "UTF-8";
    private final Supplier<SesV2Client> ses;
    private final String from;

    /** Takes the client as it may still be being built (see {@link InBackground}); it is awaited on first use. */
    public SesReminderNotifier(Supplier<SesV2Client> ses, String from) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.from = Objects.requireNonNull(from, "from");
    }

    @Override
    public void send(OutboxMessage message) {
        if (message.recipient() == null) {
            return;
        }
        ses.get().sendEmail(request -> request
                .fromEmailAddress(from)
                .destination(d -> d.toAddresses(message.recipient()))
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(text(message.subject()))
                        .body(Body.builder().text(text(message.body())).build())
                        .build()).build())
                .emailTags(MessageTag.builder().name("reminderKind").value(message.reminder().kind()).build(),
                        MessageTag.builder().name("ruleId").value(message.reminder().ruleId()).build()));
    }

    private static Content text(String data) {
        return Content.builder().data(data).charset(UTF_8).build();
    }
}
