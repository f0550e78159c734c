package com.apexshare.catalog.upload;

/** The calling trainer has no upload for this student address (another trainer's students are not visible). */
public class StudentNotFound extends RuntimeException {

    public StudentNotFound() {
        super("No uploads for this student");
    }
}
