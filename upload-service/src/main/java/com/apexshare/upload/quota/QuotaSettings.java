package com.apexshare.upload.quota;

import org.springframework.util.unit.DataSize;

/**
 * The limits every trainer has; 0 switches one off.
 *
 * @param uploadsPerHour  uploads a trainer may start in any hour
 * @param bytesPerDay     bytes a trainer may declare in any 24 hours
 * @param studentsPerHour distinct student addresses a trainer may send videos to in any hour
 */
public record QuotaSettings(int uploadsPerHour, DataSize bytesPerDay, int studentsPerHour) {

    public QuotaSettings {
        bytesPerDay = bytesPerDay == null ? DataSize.ofBytes(0) : bytesPerDay;
        if (uploadsPerHour < 0 || bytesPerDay.isNegative() || studentsPerHour < 0) {
            throw new IllegalArgumentException("apexshare.upload.quotas: limits must be 0 (off) or positive");
        }
    }

    boolean allOff() {
        return uploadsPerHour == 0 && bytesPerDay.toBytes() == 0 && studentsPerHour == 0;
    }

    long limitOf(Quota quota) {
        return switch (quota) {
            case UPLOADS_PER_HOUR -> uploadsPerHour;
            case BYTES_PER_DAY -> bytesPerDay.toBytes();
            case STUDENTS_PER_HOUR -> studentsPerHour;
        };
    }
}
