package com.apexshare.platform.app;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AppliedCompletions extends JpaRepository<AppliedCompletion, UUID> {
}
