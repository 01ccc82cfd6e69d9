// Command sdkgen writes the losant package's SDKs from its schema with Pulumi's own code
// generators (github.com/pulumi/pulumi/pkg/v3/codegen), the library `pulumi package gen-sdk`
// hands to each language host: TypeScript, Go and Python (.NET's generator left pkg/v3 for
// pulumi-dotnet, whose module the proxy here refuses).
//
// Usage: go run . <schema.json> <out-dir> [language ...]
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	nodejsgen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	pythongen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// noPackages is the loader for a schema that references no other package.
type noPackages struct{}

func (noPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, errors.New("the losant schema references no other package, not " + name)
}

func (noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, errors.New("the losant schema references no other package, not " + d.Name)
}

const tool = "pulumi-losant sdkgen"

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: sdkgen <schema.json> <out-dir> [nodejs|go|python ...]")
		os.Exit(2)
	}
	languages := os.Args[3:]
	if len(languages) == 0 {
		languages = []string{"nodejs", "go", "python"}
	}
	if err := run(os.Args[1], os.Args[2], languages); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, outDir string, languages []string) error {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return fmt.Errorf("the schema does not bind: %v", diags)
	}
	for _, language := range languages {
		var files map[string][]byte
		switch language {
		case "nodejs":
			files, err = nodejsgen.GeneratePackage(tool, pkg, nil, nil, false, nil)
		case "go":
			files, err = gogen.GeneratePackage(tool, pkg, nil)
		case "python":
			files, err = pythongen.GeneratePackage(tool, pkg, nil, nil)
		default:
			return fmt.Errorf("unknown language %q", language)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", language, err)
		}
		for name, content := range files {
			path := filepath.Join(outDir, language, name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(path, content, 0o644); err != nil {
				return err
			}
		}
		fmt.Printf("%s: %d files\n", language, len(files))
	}
	return nil
}
