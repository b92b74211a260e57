package com.example.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** A registered user, with the time it was created and last updated. */
@Entity
@Table(name = "users")
public class User {

    @Id
    UUID id;

    @Column(nullable = false, unique = true)
    String email;

    @Column(name = "hashed_password", nullable = false)
    String hashedPassword;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;
}
