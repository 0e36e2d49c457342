package org.brokersso;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * JAX-RS at the server root: cTrader calls every endpoint relative to one base URL ({@code
 * https://crm.example.com/oauth2/...}), so the contract paths carry no API prefix.
 */
@ApplicationPath("/")
public class RestApplication extends Application {}
