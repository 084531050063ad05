package cli

import (
	"context"
	"flag"
	"fmt"

	"offboard/casefile"
	"offboard/store"
	"offboard/textsafe"
)

// openClient opens the database and finds the client named; the caller
// closes the store.
func openClient(ctx context.Context, env Env, db *storeFlags, fs *flag.FlagSet, name string) (*store.Store, store.Client, error) {
	st, err := db.open(ctx, env, fs)
	if err != nil {
		return nil, store.Client{}, err
	}
	cl, err := findClient(ctx, st, name)
	if err != nil {
		st.Close()
		return nil, store.Client{}, err
	}
	return st, cl, nil
}

// openDesk opens the database and finds the client named, with a desk
// whose renderer applies the owner's templates; the caller closes the
// desk's store.
func openDesk(ctx context.Context, env Env, db *storeFlags, fs *flag.FlagSet, name string) (*casefile.Desk, store.Client, error) {
	r, err := newRenderer(env)
	if err != nil {
		return nil, store.Client{}, err
	}
	st, cl, err := openClient(ctx, env, db, fs, name)
	if err != nil {
		return nil, store.Client{}, err
	}
	return &casefile.Desk{Store: st, Letters: r, Now: env.Now}, cl, nil
}

// emitDocument prints a rendered document when path is "-", or otherwise
// writes it to path and records it on the client (casefile.Desk.Export).
func emitDocument(ctx context.Context, env Env, desk *casefile.Desk, doc store.Document, path string) error {
	if path == "-" {
		_, err := fmt.Fprint(env.Stdout, textsafe.Text(doc.Markdown))
		return err
	}
	return desk.Export(ctx, doc, path)
}

// findClient resolves a client named on the command line
// (casefile.Desk.FindClient): close names are suggested for a typo, and a
// name matching several clients lists them.
func findClient(ctx context.Context, st *store.Store, query string) (store.Client, error) {
	return (&casefile.Desk{Store: st}).FindClient(ctx, query)
}
