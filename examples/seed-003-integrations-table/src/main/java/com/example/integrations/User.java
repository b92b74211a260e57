package com.example.integrations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user; its Notion token moves to {@link Integration}, and notion_token stays until that is validated. */
@Entity
@Table(name = "\"user\"")
public class User {

    @Id
    String id;

    @Column(nullable = false)
    String email;

    @Column(name = "notion_token", columnDefinition = "text")
    String notionToken;
}
