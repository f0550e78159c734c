package com.apexshare.notification.email;

/** A state change the email's life does not allow (e.g. marking an email sent that was never claimed). */
public class IllegalEmailTransition extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    IllegalEmailTransition(EmailId id, EmailStatus from, String change) {
        super("The " + id.kind() + " email of upload " + id.fileId() + " cannot " + change + " while " + from);
    }
}
