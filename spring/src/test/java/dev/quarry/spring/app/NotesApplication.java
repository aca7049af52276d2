package dev.quarry.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application with no Quarry configuration of its own. */
@SpringBootApplication(proxyBeanMethods = false)
public class NotesApplication {}
