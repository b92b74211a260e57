package com.example.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

/** A user. The model grew a username and, for the MVP sign-up flow, lets password_hash be null. */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;

    @Column(nullable = false, unique = true)
    String email;

    /** Null for users created before they set a password (the MVP sign-up flow). */
    @Column(name = "password_hash")
    String passwordHash;

    @Column(name = "full_name")
    String fullName;

    String username;

    @Column(length = 50, nullable = false)
    @ColumnDefault("'personal_only'")
    String role = "personal_only";

    @Column(name = "is_active", nullable = false)
    @ColumnDefault("true")
    boolean active = true;
}
