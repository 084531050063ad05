// Command offboard is a terminal workbench for the owner of an IT
// managed-services business deciding, client by client, whether to keep,
// fix or let go of a client.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"offboard/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.OSEnv())
	stop()
	os.Exit(code)
}
