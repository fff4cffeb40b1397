package io.kubeferry.cli.image;

import io.kubeferry.bundler.image.PullResult;
import io.kubeferry.core.Json;
import io.kubeferry.core.oci.PulledImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} rendering of a pull result (stable key order). */
public final class PullResultJson {
  private PullResultJson() {}

  public static String write(PullResult r) {
    List<Object> images = new ArrayList<>();
    for (PulledImage i : r.images()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("image", i.image());
      m.put("digest", i.digest().toString());
      m.put("mediaType", i.mediaType());
      Map<String, Object> p = new LinkedHashMap<>();
      i.platforms().forEach((k, v) -> p.put(k.toString(), v.toString()));
      m.put("platforms", p);
      m.put("servedBy", i.servedBy());
      m.put("bytesDownloaded", i.bytesDownloaded());
      images.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("layout", r.layout().toString());
    out.put("images", images);
    out.put("bytesDownloaded", r.bytesDownloaded());
    out.put("blobsDownloaded", r.blobsDownloaded());
    out.put("seconds", r.elapsed().toMillis() / 1000.0);
    return Json.write(out);
  }
}
