package com.apexshare.notification.email;

import java.util.UUID;

/**
 * In-process event: the trainer corrected the student's address of an upload ({@code StudentAddressChanged} applied as
 * the latest change). The hook for the suppression list (issue 16, delivery events): a listener lifts the suppression
 * of the upload's previous address here, so that the new address is emailed. Carries no address.
 *
 * @param linkGeneration the upload's new link generation
 */
public record StudentAddressCorrected(UUID fileId, int linkGeneration) {
}
