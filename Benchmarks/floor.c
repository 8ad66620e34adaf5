/* The floor: only pull libyaml's parser events over the files, on one core. Nothing built on
 * libyaml can parse the same files faster. Usage: floor FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv) {
    long events = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); return 2; }
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        fseek(f, 0, SEEK_SET);
        unsigned char *buffer = malloc(size > 0 ? size : 1);
        if (fread(buffer, 1, size, f) != (size_t)size) { perror(argv[i]); return 2; }
        fclose(f);
        yaml_parser_t parser;
        yaml_event_t event;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, buffer, size);
        for (int done = 0; !done;) {
            if (!yaml_parser_parse(&parser, &event)) break;
            done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            events++;
        }
        yaml_parser_delete(&parser);
        free(buffer);
    }
    printf("%ld events\n", events);
    return 0;
}
