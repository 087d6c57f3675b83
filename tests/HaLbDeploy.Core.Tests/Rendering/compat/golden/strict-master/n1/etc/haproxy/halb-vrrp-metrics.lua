-- Managed by halb-deploy; local edits are overwritten
-- haproxy's Lua service halb_vrrp_metrics on node n1: answers a scrape of /vrrp-metrics with the VRRP
-- state the keepalived notify script last wrote to /var/lib/halb-deploy/metrics/halb_vrrp.prom (Prometheus text format), read fresh
-- on every request, so the state is the one of the last transition and no reload of haproxy is needed.
-- halb_vrrp_metrics_file_present says whether that file exists yet (it appears with the first transition).
-- The file is a few hundred bytes on local disk: reading it blocks haproxy's thread for microseconds.
local metrics_file = "/var/lib/halb-deploy/metrics/halb_vrrp.prom"
local node = "n1"

core.register_service("halb_vrrp_metrics", "http", function(applet)
    local body = ""
    local present = 0
    local file = io.open(metrics_file, "r")
    if file then
        body = file:read("*a") or ""
        file:close()
        present = 1
    end
    body = "# HELP halb_vrrp_metrics_file_present 1 when the notify script has written this node's VRRP state, 0 before its first transition.\n" ..
        "# TYPE halb_vrrp_metrics_file_present gauge\n" ..
        "halb_vrrp_metrics_file_present{node=\"" .. node .. "\"} " .. present .. "\n" .. body
    applet:set_status(200)
    applet:add_header("content-type", "text/plain; version=0.0.4; charset=utf-8")
    applet:add_header("content-length", tostring(string.len(body)))
    applet:start_response()
    applet:send(body)
end)
