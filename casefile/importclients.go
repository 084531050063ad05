package casefile

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"offboard/importer"
	"offboard/scoring"
	"offboard/store"
)

// clientIndex finds clients by external id, normalised name or the domain of
// their contact email, loaded once per import and kept current as the
// import adds clients.
type clientIndex struct {
	ext      map[int64]string
	byExt    map[string]int64
	byKey    map[string][]int64
	byDomain map[string][]int64
	zone     map[int64]*time.Location
	currency map[int64]string
	terms    map[int64]string
	resolved map[importer.ClientRef]int64
	// zones holds each zone once: clients mostly share a few, and a
	// loaded zone weighs kilobytes.
	zones map[string]*time.Location
}

func loadClientIndex(tx *store.ImportTx) (*clientIndex, error) {
	ix := &clientIndex{ext: map[int64]string{}, byExt: map[string]int64{}, byKey: map[string][]int64{},
		byDomain: map[string][]int64{}, zone: map[int64]*time.Location{}, currency: map[int64]string{},
		terms: map[int64]string{}, resolved: map[importer.ClientRef]int64{}, zones: map[string]*time.Location{}}
	keys, err := tx.ClientKeys()
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		ix.add(k)
	}
	return ix, nil
}

func (ix *clientIndex) add(k store.ClientKey) {
	if k.ExternalID != "" {
		ix.byExt[k.ExternalID] = k.ID
		ix.ext[k.ID] = k.ExternalID
	}
	ix.byKey[k.NameKey] = append(ix.byKey[k.NameKey], k.ID)
	if _, domain, ok := strings.Cut(k.ContactEmail, "@"); ok {
		d := strings.ToLower(domain)
		ix.byDomain[d] = append(ix.byDomain[d], k.ID)
	}
	if loc := ix.location(k.TimeZone); loc != nil {
		ix.zone[k.ID] = loc
	}
	ix.currency[k.ID] = k.Currency
	if k.PaymentTerms != "" {
		ix.terms[k.ID] = k.PaymentTerms
	}
}

// location loads a zone by name, nil for none or an unknown name.
func (ix *clientIndex) location(name string) *time.Location {
	if name == "" {
		return nil
	}
	loc, ok := ix.zones[name]
	if !ok {
		loc, _ = time.LoadLocation(name)
		ix.zones[name] = loc
	}
	return loc
}

// addClient adds a client to the database and to the index.
func (w *recordWriter) addClient(c store.Client) (int64, error) {
	id, err := w.tx.CreateClient(c)
	if err != nil {
		return 0, err
	}
	w.indexClient(id, c)
	return id, nil
}

// indexClient adds a client just written to the index, with the defaults
// the store gave it.
func (w *recordWriter) indexClient(id int64, c store.Client) {
	if c.Currency == "" {
		c.Currency = "USD"
	}
	w.clients.add(store.ClientKey{ID: id, ExternalID: c.ExternalID, NameKey: importer.NormalizeName(c.Name),
		ContactEmail: c.ContactEmail, TimeZone: c.TimeZone, Currency: c.Currency})
}

// resolveClient finds the client a record names: by external id, else by
// normalised name, else by email domain; or adds it with CreateClients.
func (w *recordWriter) resolveClient(ref importer.ClientRef, line int) (int64, error) {
	ix := w.clients
	if id, ok := ix.resolved[ref]; ok {
		return id, nil
	}
	id, err := w.lookupClient(ref, line)
	if err == nil {
		ix.resolved[ref] = id
	}
	return id, err
}

func (w *recordWriter) lookupClient(ref importer.ClientRef, line int) (int64, error) {
	ix := w.clients
	if id, ok := ix.byExt[ref.ExternalID]; ok && ref.ExternalID != "" {
		return id, nil
	}
	pick := func(ids []int64, what string) (int64, bool, error) {
		switch len(ids) {
		case 0:
			return 0, false, nil
		case 1:
			return ids[0], true, nil
		}
		return 0, false, w.rowErr(line, "", "%s matches %d clients; give the client's id instead", what, len(ids))
	}
	if ref.Name != "" {
		if id, ok, err := pick(ix.byKey[importer.NormalizeName(ref.Name)], fmt.Sprintf("client %q", ref.Name)); ok || err != nil {
			return id, err
		}
	}
	if ref.EmailDomain != "" {
		if id, ok, err := pick(ix.byDomain[ref.EmailDomain], fmt.Sprintf("email domain %q", ref.EmailDomain)); ok || err != nil {
			return id, err
		}
	}
	if !w.opt.CreateClients {
		return 0, w.rowErr(line, "", "unknown client %s; import clients first, map the domain in a mapping file, or pass --create-clients", describeRef(ref))
	}
	c := store.Client{ExternalID: ref.ExternalID, Name: ref.Name}
	if c.Name == "" {
		c.Name = ref.EmailDomain
	}
	if c.Name == "" {
		c.Name = ref.ExternalID
	}
	c.NameKey = importer.NormalizeName(c.Name)
	if ref.EmailDomain != "" {
		c.ContactEmail = "@" + ref.EmailDomain
	}
	id, err := w.addClient(c)
	if err != nil {
		return 0, err
	}
	w.res.CreatedClients = append(w.res.CreatedClients, c.Name)
	return id, nil
}

func describeRef(ref importer.ClientRef) string {
	var parts []string
	if ref.Name != "" {
		parts = append(parts, fmt.Sprintf("%q", ref.Name))
	}
	if ref.ExternalID != "" {
		parts = append(parts, fmt.Sprintf("id %q", ref.ExternalID))
	}
	if ref.EmailDomain != "" {
		parts = append(parts, fmt.Sprintf("email domain %q", ref.EmailDomain))
	}
	return strings.Join(parts, ", ")
}

// client writes a client record: found by external id, else by name among
// the clients without one (two clients may share a name), else added.
func (w *recordWriter) client(r importer.ClientRecord) error {
	if status := ClientStatusOf(r.Status); status != "" && !slices.Contains(scoring.ClientStatuses, status) {
		return w.rowErr(r.Line(), "status", "%q is not a client status (active, watch, remediation, notice, offboarded, re-engaged)", r.Status)
	}
	if r.TimeZone != "" {
		if _, err := time.LoadLocation(r.TimeZone); err != nil {
			return w.rowErr(r.Line(), "time_zone", "%q is not a time zone name such as America/New_York", r.TimeZone)
		}
	}
	var id int64
	found := false
	if r.ExternalID != "" {
		id, found = w.clients.byExt[r.ExternalID]
	}
	if !found {
		var same []int64
		for _, c := range w.clients.byKey[importer.NormalizeName(r.Name)] {
			if w.clients.ext[c] == "" {
				same = append(same, c)
			}
		}
		switch len(same) {
		case 0:
		case 1:
			id = same[0]
		default:
			return w.rowErr(r.Line(), "name", "%q matches %d clients; give it an external_id", r.Name, len(same))
		}
	}
	c := store.Client{ExternalID: r.ExternalID, Name: r.Name, ContactName: r.ContactName, ContactEmail: r.ContactEmail,
		Address: r.Address, Seats: r.Seats, MRRMinor: r.MRR.Minor, Currency: r.Currency, AgreementName: r.Agreement,
		AgreementSigned: r.AgreementSigned, TerminationClause: r.TerminationClause, NoticeDays: r.NoticeDays,
		TermEnd: r.TermEnd, TimeZone: r.TimeZone, Status: r.Status, ClientSince: r.ClientSince,
		PaymentTerms: r.PaymentTerms, NameKey: importer.NormalizeName(r.Name)}
	if id != 0 {
		_, err := w.tx.WriteClient(id, c)
		return err
	}
	if c.NoticeDays == 0 {
		c.NoticeDays = 30
	}
	id, err := w.tx.WriteClient(0, c)
	if err != nil {
		return err
	}
	w.indexClient(id, c)
	return nil
}
