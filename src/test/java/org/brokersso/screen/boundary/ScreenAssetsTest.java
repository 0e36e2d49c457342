package org.brokersso.screen.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the stylesheet goes out gzipped: only to a browser whose Accept-Encoding takes gzip. */
class ScreenAssetsTest {

  @Test
  void gzipOnlyWhenAccepted() {
    assertTrue(ScreenAssets.acceptsGzip("gzip, deflate, br, zstd"));
    assertTrue(ScreenAssets.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
    assertTrue(ScreenAssets.acceptsGzip("*"));
    assertFalse(ScreenAssets.acceptsGzip(null));
    assertFalse(ScreenAssets.acceptsGzip("identity"));
    assertFalse(ScreenAssets.acceptsGzip("br, gzip;q=0"));
    assertFalse(ScreenAssets.acceptsGzip("gzip; q=0.000"));
    assertFalse(ScreenAssets.acceptsGzip("x-gzip-like"));
  }
}
