/*
 * A Kafka-protocol broker for tests: librdkafka's mock cluster on 127.0.0.1.
 * Usage: mock-broker [--brokers N] topic:partitions ...
 * Prints "BOOTSTRAP=host:port,..." once the cluster is up, then runs until SIGTERM/SIGINT.
 * The mock does not implement CreateTopics, so every topic a test needs is created here.
 * Commands on stdin, one a line, let a test make the broker answer with errors, as a real cluster
 * does in a rebalance or a failure:
 *   errors <ApiKey> <error code>...   the next requests of that API (from any client) get these
 *                                     errors, one each (rd_kafka_mock_push_request_errors)
 * Each command is acknowledged with "OK <command>" on stdout.
 */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rdkafka.h"
#include "rdkafka_mock.h"

static volatile sig_atomic_t stop = 0;

/* Runs one stdin command (see the header). */
static void command(rd_kafka_mock_cluster_t *mc, char *line) {
        rd_kafka_resp_err_t errs[64];
        size_t cnt = 0;
        char *tok = strtok(line, " \t\r\n");
        int api;
        if (!tok || strcmp(tok, "errors"))
                return;
        tok = strtok(NULL, " \t\r\n");
        if (!tok)
                return;
        api = atoi(tok);
        while ((tok = strtok(NULL, " \t\r\n")) && cnt < 64)
                errs[cnt++] = (rd_kafka_resp_err_t)atoi(tok);
        rd_kafka_mock_push_request_errors_array(mc, (int16_t)api, cnt, errs);
        printf("OK errors %d %zu\n", api, cnt);
        fflush(stdout);
}
static void on_signal(int sig) {
        (void)sig;
        stop = 1;
}

int main(int argc, char **argv) {
        int brokers = 1;
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        rd_kafka_mock_cluster_t *mc;
        int i;

        /* The handle only does the mock cluster's bookkeeping; keep it quiet. */
        rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof(errstr));
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!rk) {
                fprintf(stderr, "mock-broker: %s\n", errstr);
                return 1;
        }
        for (i = 1; i < argc; i++) {
                if (!strcmp(argv[i], "--brokers") && i + 1 < argc)
                        brokers = atoi(argv[++i]);
        }
        mc = rd_kafka_mock_cluster_new(rk, brokers);
        if (!mc) {
                fprintf(stderr, "mock-broker: could not create the mock cluster\n");
                return 1;
        }
        /* Report broker 1 as the controller (the mock reports 0, a broker that does not exist, and
         * kafkajs looks the controller up for idempotent and transactional producers). */
        rd_kafka_mock_set_controller_id(mc, 1);
        /* Group joins complete at once instead of after the default 3 s delay. */
        rd_kafka_mock_group_initial_rebalance_delay_ms(mc, 0);
        for (i = 1; i < argc; i++) {
                char name[256];
                int partitions = 1;
                char *colon;
                if (!strcmp(argv[i], "--brokers")) {
                        i++;
                        continue;
                }
                snprintf(name, sizeof(name), "%s", argv[i]);
                colon = strrchr(name, ':');
                if (colon) {
                        *colon = '\0';
                        partitions = atoi(colon + 1);
                }
                if (rd_kafka_mock_topic_create(mc, name, partitions, 1)) {
                        fprintf(stderr, "mock-broker: could not create topic %s\n", name);
                        return 1;
                }
        }
        signal(SIGTERM, on_signal);
        signal(SIGINT, on_signal);
        printf("BOOTSTRAP=%s\n", rd_kafka_mock_cluster_bootstraps(mc));
        fflush(stdout);
        {
                char line[1024];
                size_t len = 0;
                int open_in = 1;
                while (!stop) {
                        struct pollfd pfd = {0, POLLIN, 0};
                        if (!open_in) {
                                struct timespec ts = {0, 50 * 1000 * 1000};
                                nanosleep(&ts, NULL);
                                continue;
                        }
                        if (poll(&pfd, 1, 50) <= 0)
                                continue;
                        {
                                char c;
                                ssize_t n = read(0, &c, 1);
                                if (n <= 0) {
                                        open_in = 0; /* stdin closed: keep running */
                                        continue;
                                }
                                if (c == '\n' || len + 1 >= sizeof(line)) {
                                        line[len] = '\0';
                                        command(mc, line);
                                        len = 0;
                                } else
                                        line[len++] = c;
                        }
                }
        }
        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(rk);
        return 0;
}
