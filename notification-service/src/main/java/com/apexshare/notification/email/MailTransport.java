package com.apexshare.notification.email;

/** A mail provider (SES, an SMTP relay). Implementations classify every failure as transient or permanent. */
public interface MailTransport {

    /** Name used in metrics and in {@code EmailSent.transport}: {@code SES} or {@code SMTP}. */
    String name();

    /**
     * Turns the letter into MIME and hands it to the provider.
     *
     * @return the provider's message id
     * @throws EmailDeliveryFailed when the provider did not accept it, or the recipient is not one plain address
     *                             (permanent, {@code INVALID_RECIPIENT})
     */
    String send(Letter letter) throws EmailDeliveryFailed;
}
