package com.example.integrations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Map;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.type.SqlTypes;

/** One of a user's integrations (Notion, Obsidian…), with its tokens; replaces user.notion_token. */
@Entity
@Table(name = "integrations")
public class Integration {

    @Id
    String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    User user;

    @Column(length = 50, nullable = false)
    String type;

    @Column(nullable = false)
    String name;

    @Column(name = "access_token", nullable = false, columnDefinition = "text")
    String accessToken;

    @Column(name = "refresh_token", columnDefinition = "text")
    String refreshToken;

    @Column(name = "expires_at")
    LocalDateTime expiresAt;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> metadata;

    @Column(name = "is_active")
    @ColumnDefault("true")
    Boolean active = true;

    @Column(name = "created_at", nullable = false)
    @ColumnDefault("now()")
    LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    @ColumnDefault("now()")
    LocalDateTime updatedAt;
}
