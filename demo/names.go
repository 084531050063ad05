package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"

	"offboard/importer"
)

// The pools below are fictional: places, surnames and companies are put
// together at random, so any likeness to a real business is chance.

var firstNames = []string{
	"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
	"William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Karen", "Christopher", "Sarah",
	"Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Sandra", "Mark", "Ashley", "Steven", "Kimberly",
	"Andrew", "Emily", "Joshua", "Donna", "Kenneth", "Michelle", "Brian", "Carol", "Kevin", "Amanda",
	"Jason", "Melissa", "Ryan", "Deborah", "Gary", "Stephanie", "Eric", "Rebecca", "Jacob", "Laura",
	"Nicholas", "Sharon", "Jonathan", "Cynthia", "Samuel", "Angela", "Raymond", "Brenda", "Gregory", "Ana",
	"Carlos", "Mei", "Rajesh", "Fatima", "Hiroshi", "Olga", "Tomás", "Priya", "Kwame", "Ingrid",
}

var surnames = []string{
	"Abbott", "Aldridge", "Barlow", "Beaumont", "Bishop", "Calloway", "Carver", "Castellano", "Chen", "Connelly",
	"Dalton", "Delgado", "Donovan", "Easton", "Ellison", "Farrow", "Fitzgerald", "Fleming", "Galloway", "Garrity",
	"Hadley", "Harmon", "Hollis", "Hutchins", "Iverson", "Jarvis", "Kearney", "Kowalski", "Lambert", "Langford",
	"Lowell", "Maddox", "Marsh", "McAllister", "Mercer", "Navarro", "Nolan", "Okafor", "Oyelaran", "Pemberton",
	"Prescott", "Quinlan", "Ramsey", "Redmond", "Rowley", "Sandoval", "Sheridan", "Sinclair", "Stanton", "Sutherland",
	"Talbot", "Thornton", "Underwood", "Vasquez", "Voss", "Wainwright", "Whitaker", "Winslow", "Yamada", "Zimmerman",
	"Brennan", "Caldwell", "Ferreira", "Gupta", "Haines", "Lindgren", "Moreau", "Patel", "Renner", "Strickland",
}

var places = []string{
	"Cedar Ridge", "Harbor Point", "Maple Grove", "Stonebridge", "Riverbend", "Oak Hollow", "Pine Valley",
	"Lakeshore", "Bayside", "Summit", "Highland", "Willow Creek", "Granite Falls", "Eastgate", "Westfield",
	"North Fork", "Silver Lake", "Copper Hill", "Fox Run", "Meadowbrook", "Ironwood", "Clearwater", "Brookside",
	"Crescent", "Red Oak", "Aspen", "Sycamore", "Bluewater", "Juniper", "Sagebrush", "Foxglove", "Kingsbridge",
	"Lantern Hill", "Mill Creek", "Old Town", "Parkside", "Quarry", "Ridgeview", "Shady Grove", "Tidewater",
	"Union Square", "Valley Forge", "Windmill", "Yellowstone", "Ashford", "Birchwood", "Coral Bay", "Deer Park",
	"Elm Street", "Fairhaven", "Glenwood", "Hawthorne", "Indigo Bay", "Magnolia", "Northgate", "Orchard Park",
	"Prairie", "Rosewood", "Seaview", "Timberline",
}

// industry is a kind of client with the name patterns it is known by. In a
// pattern, P is a place and S, T are surnames.
type industry struct {
	name     string
	patterns []string
}

var industries = []industry{
	{"dental", []string{"P Family Dental", "S Dental Group", "P Orthodontics", "P Smiles Dentistry", "S & T DDS"}},
	{"law", []string{"S & T LLP", "S T Law Group", "S Law Offices", "P Legal Partners", "S, T & Associates"}},
	{"logistics", []string{"P Freight Logistics", "S Distribution Co.", "P Cold Storage", "S Transport Inc.", "P Courier Services"}},
	{"manufacturing", []string{"P Precision Machining", "P Plastics Inc.", "S Fabrication", "P Metal Works", "S Industrial Supply"}},
	{"nonprofit", []string{"P Community Food Bank", "P Youth Alliance", "P Land Trust", "Friends of P Library", "P Housing Partnership"}},
	{"clinic", []string{"P Physical Therapy", "P Pediatrics", "P Urgent Care", "S Eye Associates", "P Dermatology"}},
	{"accounting", []string{"S & Associates CPAs", "S Tax & Advisory", "S T CPA Group", "P Bookkeeping", "S & T Accountants"}},
	{"architecture", []string{"S T Architects", "P Design Studio", "S Architecture", "P Landscape Architects", "S + T Studio"}},
	{"real estate", []string{"P Realty", "S Property Management", "P Homes & Land", "S Commercial Real Estate"}},
	{"insurance", []string{"S Insurance Agency", "P Insurance Group", "S Benefits Advisors"}},
	{"veterinary", []string{"P Animal Hospital", "P Veterinary Clinic", "S Equine Practice"}},
	{"construction", []string{"S Builders", "P Construction", "S & T Contracting", "P Roofing & Siding"}},
	{"engineering", []string{"S Engineering", "P Surveying", "S T Consulting Engineers"}},
	{"finance", []string{"P Credit Union", "S Wealth Management", "P Financial Planning"}},
}

// zone is a US time zone with cities whose clients live in it, weighted by
// how common MSP clients there are in this fictional portfolio.
type zone struct {
	name   string
	weight int
	cities []city
}

type city struct{ name, state, zip string }

var zones = []zone{
	{"America/New_York", 40, []city{{"Richmond", "VA", "232"}, {"Raleigh", "NC", "276"}, {"Columbus", "OH", "432"},
		{"Hartford", "CT", "061"}, {"Albany", "NY", "122"}, {"Tampa", "FL", "336"}, {"Savannah", "GA", "314"}}},
	{"America/Chicago", 25, []city{{"Madison", "WI", "537"}, {"Omaha", "NE", "681"}, {"Austin", "TX", "787"},
		{"Springfield", "IL", "627"}, {"Tulsa", "OK", "741"}}},
	{"America/Denver", 10, []city{{"Boulder", "CO", "803"}, {"Boise", "ID", "837"}, {"Santa Fe", "NM", "875"}}},
	{"America/Phoenix", 5, []city{{"Tempe", "AZ", "852"}, {"Flagstaff", "AZ", "860"}}},
	{"America/Los_Angeles", 20, []city{{"Sacramento", "CA", "958"}, {"Tacoma", "WA", "984"}, {"Eugene", "OR", "974"},
		{"San Luis Obispo", "CA", "934"}}},
}

var streets = []string{"Main", "Market", "Commerce", "Oak", "Maple", "Washington", "Lincoln", "Park", "Industrial",
	"Harbor", "River", "Mill", "Church", "Franklin", "Jefferson", "Madison", "Pine", "Cedar", "Lake", "Hill"}

var streetKinds = []string{"Street", "Avenue", "Boulevard", "Drive", "Parkway", "Road", "Way", "Court"}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func pickZone(r *rand.Rand) zone {
	total := 0
	for _, z := range zones {
		total += z.weight
	}
	n := r.IntN(total)
	for _, z := range zones {
		if n < z.weight {
			return z
		}
		n -= z.weight
	}
	return zones[0]
}

func address(r *rand.Rand, c city) string {
	return fmt.Sprintf("%d %s %s, %s, %s %s%02d", 100+r.IntN(9800), pick(r, streets), pick(r, streetKinds),
		c.name, c.state, c.zip, r.IntN(100))
}

// fictionalName fills a pattern of ind.
func fictionalName(r *rand.Rand, ind industry) string {
	p := pick(r, ind.patterns)
	s, t := pick(r, surnames), pick(r, surnames)
	for t == s {
		t = pick(r, surnames)
	}
	var b strings.Builder
	for _, w := range strings.Fields(p) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		switch strings.TrimRight(w, ",") {
		case "P":
			b.WriteString(pick(r, places) + strings.TrimPrefix(w, "P"))
		case "S":
			b.WriteString(s + strings.TrimPrefix(w, "S"))
		case "T":
			b.WriteString(t + strings.TrimPrefix(w, "T"))
		default:
			b.WriteString(w)
		}
	}
	return b.String()
}

// domainOf makes a plausible email domain from a company name.
func domainOf(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(importer.NormalizeName(name)) {
		if w == "and" || w == "of" || w == "the" {
			continue
		}
		for _, r := range w {
			if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteRune(r)
			}
		}
		if b.Len() >= 18 {
			break
		}
	}
	return b.String() + ".com"
}

func email(first, last, domain string) string {
	clean := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if r < unicode.MaxASCII && unicode.IsLetter(r) {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	return clean(first) + "." + clean(last) + "@" + domain
}

// Technicians are our own staff, who log time and report incidents.
var technicians = []string{"Maya Chen", "Luis Ortega", "Priya Raman", "Tom Becker", "Aisha Bello",
	"Kevin O'Neill", "Sara Lindgren", "Marcus Hale"}

// technicianWeights skews work toward the senior help-desk staff, as real
// ticket queues do.
var technicianWeights = []int{18, 17, 15, 14, 12, 10, 8, 6}

func pickTechnician(r *rand.Rand) string {
	n := r.IntN(100)
	for i, w := range technicianWeights {
		if n < w {
			return technicians[i]
		}
		n -= w
	}
	return technicians[0]
}
