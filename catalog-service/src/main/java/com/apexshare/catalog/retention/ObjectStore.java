package com.apexshare.catalog.retention;

/** Where the videos are; deleting a missing object is not an error. */
public interface ObjectStore {

    void delete(String bucket, String key);
}
