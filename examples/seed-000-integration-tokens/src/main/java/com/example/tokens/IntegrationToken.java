package com.example.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

/** A token an integration logs in with; inherits is_active and the timestamps from {@link BaseModel}. */
@Entity
@Table(name = "integration_tokens")
public class IntegrationToken extends BaseModel {

    @Column(name = "user_id", nullable = false)
    Integer userId;

    @Column(nullable = false, columnDefinition = "text")
    String jwt;

    @Column(columnDefinition = "text")
    String description;

    @Column(nullable = false)
    @ColumnDefault("true")
    boolean valid = true;
}
