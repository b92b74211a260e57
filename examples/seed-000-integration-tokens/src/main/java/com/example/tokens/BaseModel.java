package com.example.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDateTime;
import org.hibernate.annotations.ColumnDefault;

/** The base every model inherits: id, is_active and the timestamps. */
@MappedSuperclass
public abstract class BaseModel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "is_active", nullable = false)
    @ColumnDefault("true")
    boolean active = true;

    @Column(name = "created_date", nullable = false)
    @ColumnDefault("CURRENT_TIMESTAMP")
    Instant createdDate;

    @Column(name = "updated_date", nullable = false)
    @ColumnDefault("CURRENT_TIMESTAMP")
    LocalDateTime updatedDate;

    @Column(name = "deleted_date")
    Instant deletedDate;
}
