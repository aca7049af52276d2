package dev.quarry.spring.boot3;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot 3.5 application with quarry-spring on its class path and no Quarry configuration. */
@SpringBootApplication(proxyBeanMethods = false)
public class Boot3Application {}
